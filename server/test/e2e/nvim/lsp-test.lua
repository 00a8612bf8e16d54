-- Neovim 0.7 as a second, independent LSP client of the cachelint server: push diagnostics only
-- (0.7 has no pull), `vim.lsp.start_client` (0.7 has no `vim.lsp.start`). Opens FILE, waits for
-- the server's diagnostics, hovers, applies the code action whose title contains TITLE to the CODE
-- diagnostic, waits for the re-publish, and writes what it saw as JSON to OUT.
-- Env: NODE, SERVER, ROOT, FILE, CODE, TITLE, EXPECT (text the fixed line must contain), OUT;
-- CODES (optional, comma-separated): every code the first complete publish must hold (the server
-- publishes a file's own findings first, then the cross-file ones once the workspace is indexed);
-- DOC=1 (optional): also run the "Show documentation" action and record the message it shows.
-- KEYS=1 (optional): also send the custom `cachelint/keys` request and record the key map's labels.
local env = function(k)
  local v = os.getenv(k)
  if not v or v == '' then error('missing env ' .. k) end
  return v
end
local out_path = env('OUT')
local result = { nvim = tostring(vim.version().major) .. '.' .. vim.version().minor .. '.' .. vim.version().patch, errors = {} }

local function finish(code)
  local f = assert(io.open(out_path, 'w'))
  f:write(vim.fn.json_encode(result))
  f:close()
  vim.cmd(code == 0 and 'qa!' or 'cq!')
end

local ok, err = pcall(function()
  local file, code, title, expect = env('FILE'), env('CODE'), env('TITLE'), env('EXPECT')
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local bufnr = vim.api.nvim_get_current_buf()
  local uri = vim.uri_from_bufnr(bufnr)
  local published = {} -- raw LSP diagnostics per publish, for this buffer
  local shown = {} -- window/showMessage texts
  local t0 = vim.loop.hrtime()
  local default_publish = vim.lsp.handlers['textDocument/publishDiagnostics']
  local client_id = vim.lsp.start_client({
    name = 'cachelint',
    cmd = { env('NODE'), env('SERVER'), '--stdio' },
    root_dir = env('ROOT'),
    handlers = {
      ['textDocument/publishDiagnostics'] = function(e, params, ctx, config)
        if params.uri == uri then table.insert(published, params.diagnostics) end
        return default_publish(e, params, ctx, config)
      end,
      ['window/showMessage'] = function(_, params)
        table.insert(shown, params.message)
      end,
    },
  })
  assert(client_id, 'start_client failed')
  assert(vim.lsp.buf_attach_client(bufnr, client_id), 'buf_attach_client failed')
  local client = vim.lsp.get_client_by_id(client_id)

  local function find(diags, c)
    for _, d in ipairs(diags or {}) do
      if d.code == c then return d end
    end
  end
  local want = vim.split(os.getenv('CODES') or code, ',', { plain = true })
  local complete = function(diags)
    for _, c in ipairs(want) do
      if find(diags, c) == nil then return false end
    end
    return true
  end
  assert(vim.wait(30000, function() return complete(published[#published]) end, 20), 'no publish with ' .. table.concat(want, ', '))
  result.first_diagnostics_ms = math.floor((vim.loop.hrtime() - t0) / 1e6)
  local raw = published[#published]
  result.diagnostics = {}
  for _, d in ipairs(raw) do
    table.insert(result.diagnostics, { code = d.code, line = d.range.start.line, source = d.source, severity = d.severity })
  end
  -- what the editor shows (vim.diagnostic), not only what came over the wire
  result.buffer_diagnostics = #vim.diagnostic.get(bufnr)
  local target = find(raw, code)

  if os.getenv('KEYS') == '1' then
    -- the key map, as the README tells Neovim users to ask for it
    local r = client.request_sync('cachelint/keys', {}, 20000, bufnr)
    assert(r and not r.err and r.result, 'cachelint/keys failed: ' .. vim.inspect(r))
    result.keys = { labels = {}, findings = 0, sites = 0, folders = #r.result.folders }
    for _, f in ipairs(r.result.folders) do
      for _, k in ipairs(f.keys) do
        table.insert(result.keys.labels, k.label)
        result.keys.findings = result.keys.findings + #k.findings
        result.keys.sites = result.keys.sites + #k.readers + #k.writers + #k.deleters + #k.expirers
        if not result.keys.first_site and #k.readers > 0 then result.keys.first_site = k.readers[1].uri .. ':' .. k.readers[1].line end
      end
    end
  end

  local hover = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', {
    textDocument = { uri = uri },
    position = { line = target.range.start.line, character = target.range.start.character + 1 },
  }, 10000)
  for _, r in pairs(hover or {}) do
    if r.result and r.result.contents then result.hover = r.result.contents.value end
  end

  local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', {
    textDocument = { uri = uri },
    range = target.range,
    context = { diagnostics = { target } },
  }, 10000)
  result.code_action_titles = {}
  local chosen
  for _, r in pairs(responses or {}) do
    for _, a in ipairs(r.result or {}) do
      table.insert(result.code_action_titles, a.title)
      if not chosen and a.edit and a.title:find(title, 1, true) then chosen = a end
    end
  end
  assert(chosen, 'no code action with "' .. title .. '"')
  result.applied = chosen.title
  local before = #published
  local doc_action
  for _, r in pairs(responses or {}) do
    for _, a in ipairs(r.result or {}) do
      if a.title:find('Show documentation', 1, true) then doc_action = a end
    end
  end
  vim.lsp.util.apply_workspace_edit(chosen.edit, client.offset_encoding)
  -- the edit goes to the server as didChange; wait for the re-publish without the finding
  assert(vim.wait(30000, function()
    return #published > before and find(published[#published], code) == nil
  end, 20), code .. ' still published after the fix')
  result.line_after = vim.api.nvim_buf_get_lines(bufnr, target.range.start.line, target.range.start.line + 1, false)[1]
  assert(result.line_after:find(expect, 1, true), 'fixed line lacks ' .. expect .. ': ' .. result.line_after)
  result.diagnostics_after = {}
  for _, d in ipairs(published[#published]) do table.insert(result.diagnostics_after, d.code) end
  if os.getenv('DOC') == '1' then
    assert(doc_action and doc_action.command, 'no Show documentation action')
    vim.lsp.buf_request_sync(bufnr, 'workspace/executeCommand', doc_action.command, 10000)
    assert(vim.wait(10000, function() return #shown > 0 end, 20), 'the documentation command showed nothing')
    result.doc_message = shown[#shown]
  end
  vim.lsp.stop_client(client_id)
  result.ok = true
end)
if not ok then
  table.insert(result.errors, tostring(err))
  result.ok = false
  finish(1)
else
  finish(0)
end

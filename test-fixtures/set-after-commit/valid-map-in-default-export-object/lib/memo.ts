// valid: an in-process Map exported next to a flag, not a cache client
export const memo = new Map<string, unknown>();
const enabled = process.env.MEMO !== 'off';

export default { store: memo, enabled };

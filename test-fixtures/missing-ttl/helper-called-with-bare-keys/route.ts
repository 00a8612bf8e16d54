import { getSummary, saveSummary } from './summary';

export async function summarise(prompt: string): Promise<string> {
  const cached = await getSummary(prompt);
  if (cached) return cached;
  const res = await fetch('https://llm.example.com/summarise', { method: 'POST', body: prompt });
  const text = await res.text();
  await saveSummary(prompt, text);
  return text;
}

// valid: an in-memory Map exported under the name `cache` is process-local memoisation, not a shared cache client
export interface Plan {
  id: string;
  name: string;
  priceCents: number;
}

export const cache = new Map<string, Plan>();

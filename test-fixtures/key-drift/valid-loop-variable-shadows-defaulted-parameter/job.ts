import { Totals } from './totals';

export async function nightly() {
  await Totals.refreshTotals(true);
}

import { addAttributeOption } from './settings';

export async function onEnriched(attribute: string, value: string) {
  await addAttributeOption(attribute, value);
}

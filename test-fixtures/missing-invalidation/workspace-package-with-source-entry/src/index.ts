export { attributeSettings, addAttributeOption } from './settings';

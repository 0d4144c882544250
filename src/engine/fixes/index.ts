export { editsOverlap, fixDraft, replaceValue, type EditDraft } from './edits';
export { insertAttribute } from './insert-attribute';
export { setAttribute } from './set-attribute';
export { quoted, syntaxOf, type FixValue, type Syntax } from './values';

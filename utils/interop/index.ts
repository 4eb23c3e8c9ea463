export * from './common';
export { readHypothesisExport, exportHypothesis, hypothesisVia, type HypothesisExport, type ExportOptions } from './hypothesis';
export { readW3cAnnotations, adoptW3cComment } from './w3c';
export { readImportFile } from './read-import';

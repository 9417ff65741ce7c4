export { generateClient, type GenerateOptions, type GeneratedClient, type GeneratedFile } from './generate-client.js';
export { writeClient } from './write-client.js';
export { resolveOutputDir, DEFAULT_OUTPUT } from './output-dir.js';
export { runtimeSchemaFromIR, runtimeDefault } from './runtime-schema-from-ir.js';
export { clientModels, delegateName, type ClientModel, type ClientScalar, type ClientRelation } from './client-model.js';

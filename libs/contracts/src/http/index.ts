// The HTTP API's answers, each under a name (the gateway's route table and the web's typed client
// read them from here), one file per area. Where a service's message already is the answer
// (`CboPage`, `PipelineState`, `DirectoryPage`...), the route table uses that schema as it is.
export * from './auth';
export * from './admin';
export * from './cbos';
export * from './pipeline';
export * from './directory';
export * from './expansion';
export * from './hotline';
export * from './field-visits';

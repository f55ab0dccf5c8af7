export * from './test-database';
export * from './unique';
export * from './temporal-binary';
export * from './wait-for';
export * from './caller-keys';
export * from './service-fakes';

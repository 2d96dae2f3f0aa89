/** The PostgreSQL implementation of the Store interface, for a corpus shared by many processes and machines. */
export { openPostgresStore } from './open-postgres.js';
/** The search vector of a document, for loaders that fill the schema with COPY (the search benchmark). */
export { searchVector } from './search-vector.js';

/** The PostgreSQL implementation of the Store interface, for a corpus shared by many processes and machines. */
export { isPostgresUrl, openPostgresStore } from './open-postgres.js';

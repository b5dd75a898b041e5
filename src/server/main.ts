import { startServer } from './start.js';

/** `npm start`: migrate, seed demo data into an empty embedded database, serve. */
startServer().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

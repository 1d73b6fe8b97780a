import { databaseFile, openDb } from "./client";

const file = databaseFile();
const db = openDb(file);
db.$client.close();
console.log(`Database ready: ${file}`);

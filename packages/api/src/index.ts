export * from './app.ts';
export * from './auth.ts';
export * from './problem.ts';
export { API_INFO } from './routes/docs.ts';
export * from './compose.ts';

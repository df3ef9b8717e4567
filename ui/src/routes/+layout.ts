// A client-side app: the server only hands out static files; all data comes from /api.
export const ssr = false;
export const prerender = false;
export const trailingSlash = 'never';

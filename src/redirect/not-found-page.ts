/** The small page a visitor sees for an unknown or disabled link: no redirect, nothing to follow. */
export const NOT_FOUND_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>Link not found</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:30rem;margin:20vh auto;padding:0 1rem;color:#1f2933;text-align:center}</style>
</head><body><main><h1>This link is not active</h1><p>The link you followed does not exist or has been turned off.</p></main></body></html>`;

export const UNAVAILABLE_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Try again</title></head>
<body><main><h1>Please try again</h1><p>We could not record your visit just now. Reload the page in a moment.</p></main></body></html>`;

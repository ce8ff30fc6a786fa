/**
 * Next.js configuration. CommonJS on purpose: package.json has no "type": "module".
 *
 * ALLOWED_DEV_ORIGINS: comma-separated hostnames (or URLs) allowed to load the dev server's
 * assets and HMR from another machine, e.g. `ALLOWED_DEV_ORIGINS=192.168.1.20,lab.local` when
 * a class opens the lecturer's dev server by IP. Next matches hostnames only, so any scheme,
 * port or path given here is stripped.
 */

/** Reduces an entry such as `http://192.168.1.20:3000/` to its hostname. */
function hostnameOf(entry) {
  return entry
    .trim()
    .replace(/^[a-z]+:\/\//i, '')
    .replace(/\/.*$/, '')
    .replace(/:\d+$/, '');
}

const allowedDevOrigins = (process.env.ALLOWED_DEV_ORIGINS ?? '')
  .split(',')
  .map(hostnameOf)
  .filter(Boolean);

/** @type {import('next').NextConfig} */
module.exports = {
  reactStrictMode: true,
  poweredByHeader: false,
  allowedDevOrigins,
};

/** Tailwind CSS 4 through its PostCSS plugin; there is no tailwind.config.js. */
const config = {
  plugins: {
    '@tailwindcss/postcss': {},
  },
};

export default config;

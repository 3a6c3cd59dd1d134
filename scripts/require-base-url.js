#!/usr/bin/env node
/** First step of `npm run build:prod`: no production build without ADDIN_BASE_URL (see webpack.config.js). */
const { productionBaseUrl } = require('../webpack.config.js');

try {
  console.log(`Production build for ${productionBaseUrl(process.env, { required: true })}`);
} catch (e) {
  console.error(`npm run build:prod refused: ${e.message}`);
  process.exit(1);
}

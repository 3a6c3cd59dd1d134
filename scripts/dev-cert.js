/**
 * A self-signed HTTPS certificate for the dev server on https://localhost:3000, kept in the
 * git-ignored .cert/ folder. Office requires HTTPS for add-in pages; office-addin-dev-certs
 * installs a CA system-wide (needs sudo), so instead we generate a plain localhost certificate
 * with `selfsigned` (already a dependency of webpack-dev-server, works offline) and tell the
 * user how to trust it once.
 */
const fs = require('node:fs');
const path = require('node:path');

const CERT_DIR = path.resolve(__dirname, '..', '.cert');
const CERT_FILE = path.join(CERT_DIR, 'localhost.crt');
const KEY_FILE = path.join(CERT_DIR, 'localhost.key');
const VALID_DAYS = 365;

function isFresh(certFile, keyFile) {
  if (!fs.existsSync(certFile) || !fs.existsSync(keyFile)) return false;
  try {
    const { X509Certificate } = require('node:crypto');
    const cert = new X509Certificate(fs.readFileSync(certFile));
    // Renew a week before expiry.
    return new Date(cert.validTo).getTime() - Date.now() > 7 * 24 * 3600 * 1000;
  } catch {
    return false;
  }
}

/**
 * Returns { cert, key, certFile, keyFile, created }, generating the pair when missing or
 * expiring. `dir` defaults to the repository's .cert/.
 */
async function ensureDevCert(dir = CERT_DIR) {
  const certFile = path.join(dir, 'localhost.crt');
  const keyFile = path.join(dir, 'localhost.key');
  let created = false;
  if (!isFresh(certFile, keyFile)) {
    const selfsigned = require('selfsigned');
    const notBeforeDate = new Date();
    const notAfterDate = new Date(notBeforeDate.getTime() + VALID_DAYS * 24 * 3600 * 1000);
    const pems = await selfsigned.generate([{ name: 'commonName', value: 'localhost' }], {
      algorithm: 'sha256',
      keySize: 2048,
      notBeforeDate,
      notAfterDate,
      extensions: [
        { name: 'basicConstraints', cA: true },
        { name: 'keyUsage', keyCertSign: true, digitalSignature: true, keyEncipherment: true },
        { name: 'extKeyUsage', serverAuth: true },
        {
          name: 'subjectAltName',
          altNames: [
            { type: 2, value: 'localhost' },
            { type: 7, ip: '127.0.0.1' },
          ],
        },
      ],
    });
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(certFile, pems.cert);
    fs.writeFileSync(keyFile, pems.private, { mode: 0o600 });
    created = true;
  }
  return { cert: fs.readFileSync(certFile), key: fs.readFileSync(keyFile), certFile, keyFile, created };
}

module.exports = { ensureDevCert, CERT_DIR, CERT_FILE, KEY_FILE };

import { X509Certificate } from 'node:crypto';

/**
 * The shop's CA as a device trusts it: the certificate (PEM, from GET /api/tls/ca.crt or a file)
 * is used only when its SHA-256 fingerprint is the one in the pairing string, which came from the
 * owner's screen. The broker's certificate must then be issued by exactly that CA: a device never
 * sends its password to a broker it cannot tie to its own shop.
 */
export function pinnedCa(caPem: string, caSha256: string, source: string): string {
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(caPem);
  } catch {
    throw new Error(`${source} is not a PEM certificate`);
  }
  const normalize = (fingerprint: string) => fingerprint.replace(/:/g, '').toUpperCase();
  if (normalize(certificate.fingerprint256) !== normalize(caSha256))
    throw new Error(
      `${source} has fingerprint ${certificate.fingerprint256}, not the pairing's ${caSha256}: not this shop's CA`,
    );
  return caPem;
}

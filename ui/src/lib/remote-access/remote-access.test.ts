import { describe, expect, it } from 'vitest';
import { deviceSteps, downloadUrls, tunnelStateText } from './remote-access';

describe('remote access screen texts', () => {
  it('says what each tunnel state means and what to do', () => {
    expect(tunnelStateText('connected')).toMatchObject({ label: 'Connected', tone: 'ok' });
    expect(tunnelStateText('connecting').advice).toMatch(/up to a minute/);
    expect(tunnelStateText('unreachable')).toMatchObject({ tone: 'danger' });
    expect(tunnelStateText('unreachable').advice).toMatch(/systemctl status ase-tunnel/);
    expect(tunnelStateText('not configured').advice).toMatch(/paste a Cloudflare tunnel token/);
  });

  it('gives install steps for the four kinds of device, with this server’s download addresses', () => {
    const { caUrl, profileUrl } = downloadUrls('http://192.168.1.20:8080');
    expect(caUrl).toBe('http://192.168.1.20:8080/api/tls/ca.crt');
    const steps = deviceSteps(caUrl, profileUrl);
    expect(steps.map((s) => s.device)).toEqual(['iPad and iPhone', 'Android', 'Windows', 'macOS']);
    expect(steps[0]!.steps[0]).toContain('/api/tls/ca.mobileconfig');
    expect(steps[1]!.steps[0]).toContain(caUrl);
  });
});

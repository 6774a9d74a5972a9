/**
 * Issue 15, items 3 and 4: the two relay connectivity tests Microsoft's "Troubleshoot self-service
 * password reset writeback" page gives (`Test-NetConnection -ComputerName
 * ssprdedicatedsbprodscu.servicebus.windows.net -Port 443` and `Invoke-WebRequest -Uri
 * https://ssprdedicatedsbprodscu.servicebus.windows.net -Verbose`, reference §2.5) work in a
 * healthy lab and fail for the lab's real reason: the edge firewall (L7) or TLS 1.2 off (L8).
 * Error texts are System.Net.WebException's, as Windows PowerShell 5.1 prints them.
 */
import { describe, expect, it } from 'vitest';
import { run } from '../../harness';
import { inject, workingLab } from '../faults/faultHarness';

const SCU = 'ssprdedicatedsbprodscu.servicebus.windows.net';
const IWR = `Invoke-WebRequest -Uri https://${SCU} -Verbose`;
const ps = (lab: ReturnType<typeof workingLab>, line: string) => run(lab, 'sync01', line, 'powershell');

describe('the documented relay tests (Microsoft Learn "Troubleshoot self-service password reset writeback": Test-NetConnection and Invoke-WebRequest to the Service Bus namespace)', () => {
  it('Test-NetConnection to the documented namespace resolves and connects on 443', () => {
    const lab = workingLab();
    const lines = ps(lab, `Test-NetConnection -ComputerName ${SCU} -Port 443`);
    expect(lines).toContain(`ComputerName     : ${SCU}`);
    expect(lines).toContain('TcpTestSucceeded : True');
    expect(lines.join('\n')).not.toContain('Name resolution');
  });

  it('Invoke-WebRequest -Verbose gets the namespace feed (200 OK); iwr, curl and irm answer too', () => {
    const lab = workingLab();
    const lines = ps(lab, IWR);
    expect(lines[0]).toBe(`VERBOSE: GET https://${SCU}/ with 0-byte payload`);
    expect(lines).toContain(
      'VERBOSE: received -1-byte response of content type application/atom+xml;type=feed;charset=utf-8',
    );
    expect(lines).toContain('StatusCode        : 200');
    expect(lines).toContain('StatusDescription : OK');
    expect(lines.find((l) => l.startsWith('Content '))).toContain('Publicly Listed Services');
    expect(ps(lab, `curl https://${SCU}`)).toContain('StatusCode        : 200');
    expect(ps(lab, `iwr https://${SCU}`)).toContain('StatusCode        : 200');
    expect(ps(lab, `irm https://${SCU}`).filter((l) => l.includes('Exception'))).toEqual([]);
  });

  it('with outbound 443 blocked (L7): "Unable to connect to the remote server"', () => {
    const lab = workingLab();
    inject(lab, 'L7');
    const lines = ps(lab, IWR);
    expect(lines).toContain('Invoke-WebRequest : Unable to connect to the remote server');
    expect(lines).toContain(
      '    + CategoryInfo          : InvalidOperation: (System.Net.HttpWebRequest:HttpWebRequest) [Invoke-WebRequest], WebException',
    );
    expect(lines).toContain(
      '    + FullyQualifiedErrorId : WebCmdletWebResponseException,Microsoft.PowerShell.Commands.InvokeWebRequestCommand',
    );
    const tnc = ps(lab, `Test-NetConnection -ComputerName ${SCU} -Port 443`);
    expect(tnc.some((l) => /^TcpTestSucceeded\s+: False$/.test(l))).toBe(true);
  });

  it('with TLS 1.2 off (L8): the connection opens but the send fails', () => {
    const lab = workingLab();
    inject(lab, 'L8');
    expect(ps(lab, IWR)).toContain(
      'Invoke-WebRequest : The underlying connection was closed: An unexpected error occurred on a send.',
    );
  });

  it('a name nobody knows: "The remote name could not be resolved"', () => {
    const lab = workingLab();
    expect(ps(lab, 'iwr https://nosuch.example.invalid')[0]).toBe(
      "Invoke-WebRequest : The remote name could not be resolved: 'nosuch.example.invalid'",
    );
  });
});

import { describe, expect, it } from 'vitest';
import { Lab } from '../../simulation/facade/lab';
import { toFlow } from '../../src-renderer/flow/toFlow';

describe('the canvas mapping', () => {
  it('makes one node per device of the view and one edge per link, with plain data only', () => {
    const view = new Lab().learnerView();
    const { nodes, edges } = toFlow(view);
    expect(nodes.map((n) => n.id).sort()).toEqual(view.devices.map((d) => d.id).sort());
    expect(edges).toHaveLength(view.links.length);
    for (const n of nodes) {
      expect(n.type).toBe('device');
      // No callbacks in node data: it must survive a JSON round trip unchanged.
      expect(JSON.parse(JSON.stringify(n.data))).toEqual(n.data);
    }
  });

  it('puts the LAN hosts on one row below the switch, the cloud above the gateway', () => {
    const { nodes } = toFlow(new Lab().learnerView());
    const y = (id: string) => nodes.find((n) => n.id === id)!.position.y;
    expect(y('pc2')).toBe(y('dc01'));
    expect(y('pc2')).toBeGreaterThan(y('switch'));
    expect(y('switch')).toBeGreaterThan(y('router'));
    expect(y('router')).toBeGreaterThan(y('internet'));
  });

  it('marks an unplugged cable', () => {
    const lab = new Lab();
    lab.dispatch({ type: 'link.cut', host: 'pc3' });
    const edge = toFlow(lab.learnerView()).edges.find((e) => e.id === 'pc3-switch');
    expect(edge?.className).toContain('edge-down');
    expect(edge?.label).toBe('unplugged');
  });

  it("marks the hops of the learner's last test only when the trace is shown", () => {
    const lab = new Lab();
    lab.dispatch({ type: 'console.exec', host: 'pc2', shell: 'cmd', line: 'ping -n 1 192.168.6.250' });
    const view = lab.learnerView();
    expect(toFlow(view).nodes.some((n) => n.data.trace)).toBe(false);
    const { nodes, edges } = toFlow(view, { trace: true });
    const marks = Object.fromEntries(nodes.filter((n) => n.data.trace).map((n) => [n.id, n.data.trace]));
    expect(marks).toEqual({ pc2: 'passed', switch: 'stopped' });
    expect(edges.filter((e) => e.className?.includes('edge-trace')).map((e) => e.id)).toEqual(['pc2-switch']);
  });

  it("draws the tenant's sync and relay with SYNC01 from their own handles, arrows the way each is opened", () => {
    const { edges } = toFlow(new Lab().learnerView());
    const sync = edges.find((e) => e.id === 'tenant-sync');
    const relay = edges.find((e) => e.id === 'tenant-relay');
    expect(sync).toMatchObject({
      source: 'tenant',
      target: 'sync01',
      sourceHandle: 'bottom-a',
      targetHandle: 'top-a',
    });
    expect(sync?.markerStart).toBeDefined();
    expect(relay).toMatchObject({ source: 'tenant', target: 'sync01', sourceHandle: 'bottom-b' });
    expect(relay?.markerEnd).toBeDefined();
  });
});

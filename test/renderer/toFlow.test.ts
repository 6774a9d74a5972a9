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
});

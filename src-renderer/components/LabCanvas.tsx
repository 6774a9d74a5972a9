import {
  Background,
  Controls,
  ReactFlow,
  useReactFlow,
  type ColorMode,
  type Edge,
  type NodeMouseHandler,
  type NodeTypes,
} from '@xyflow/react';
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useFirstScreenView } from '../lab/LabContext';
import { toFlow, type DeviceNode } from '../flow/toFlow';
import { useUi } from '../state/uiStore';
import { useResolvedTheme } from '../theme/useResolvedTheme';
import { useMapUi } from '../state/mapUi';
import { DeviceNodeView } from './DeviceNodeView';

const nodeTypes: NodeTypes = { device: DeviceNodeView };

const WINDOWS_KINDS = new Set(['dc', 'sync', 'client']);
const FIT = { padding: 0.12 };
const PRO = { hideAttribution: true };

/** Fits the map to its pane again whenever the pane changes size (a panel dragged, the window resized). */
function useFitOnResize() {
  const ref = useRef<HTMLDivElement>(null);
  const { fitView } = useReactFlow();
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    let frame = 0;
    const observer = new ResizeObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => void fitView(FIT));
    });
    observer.observe(el);
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
    };
  }, [fitView]);
  return ref;
}

/**
 * The same objects for nodes and edges whose content has not changed: the learner view is new after
 * every lab change (a console command, a clock tick), and new objects make React Flow re-render and
 * re-measure every node and edge label even when the map looks the same.
 */
function useStable<T extends { id: string }>(items: T[]): T[] {
  const [cache] = useState(() => new Map<string, { json: string; item: T }>());
  // The array last returned (one entry), kept like the cache: a Map the memo may update.
  const [last] = useState(() => new Map<'items', T[]>());
  return useMemo(() => {
    const seen = new Set<string>();
    const out = items.map((item) => {
      const json = JSON.stringify(item);
      const old = cache.get(item.id);
      seen.add(item.id);
      if (old?.json === json) return old.item;
      cache.set(item.id, { json, item });
      return item;
    });
    for (const id of [...cache.keys()]) if (!seen.has(id)) cache.delete(id);
    // The same array too when nothing in it changed: React Flow takes a new array as new nodes.
    const before = last.get('items');
    if (before?.length === out.length && out.every((item, i) => item === before[i])) return before;
    last.set('items', out);
    return out;
  }, [cache, last, items]);
}

export function LabCanvas() {
  const view = useFirstScreenView();
  // React Flow's own controls, edge labels and background follow the app's theme (they stayed white in dark).
  const colorMode = useResolvedTheme();
  const selected = useUi((s) => s.selectedDevice);
  const selectDevice = useUi((s) => s.selectDevice);
  const openConsole = useUi((s) => s.openConsole);
  const traceOpen = useMapUi((s) => s.traceOpen);
  const setTraceOpen = useMapUi((s) => s.setTraceOpen);
  const flow = useMemo(() => toFlow(view, { trace: traceOpen }), [view, traceOpen]);
  const nodes = useStable(flow.nodes);
  const edges = useStable(flow.edges);
  const shown = useMemo(
    () => nodes.map((n) => (n.id === selected ? { ...n, selected: true } : n)),
    [nodes, selected],
  );
  const ref = useFitOnResize();
  const onNodeClick = useCallback<NodeMouseHandler<DeviceNode>>(
    (_e, node) => {
      if (WINDOWS_KINDS.has(node.data.device.kind)) openConsole(node.id);
      else selectDevice(node.id);
    },
    [openConsole, selectDevice],
  );
  return (
    <div className="canvas" data-testid="lab-canvas">
      <div className="map-bar">
        <button
          type="button"
          className="btn"
          aria-pressed={traceOpen}
          onClick={() => setTraceOpen(!traceOpen)}
          data-testid="map-trace"
        >
          {traceOpen ? 'Hide trace' : 'Trace my last test'}
        </button>
        <span className="hint">Only what anyone in the room could see, and the tests you ran.</span>
      </div>
      <div className="canvas-flow" ref={ref}>
        <MapFlow nodes={shown} edges={edges} onNodeClick={onNodeClick} colorMode={colorMode} />
      </div>
    </div>
  );
}

/**
 * React Flow with its background and controls. Memoised: the map re-renders on every lab change
 * (a console command, a clock tick), React Flow only when its nodes or edges (kept the same
 * objects while their content is, useStable) or the theme change.
 */
const MapFlow = memo(function MapFlow({
  nodes,
  edges,
  onNodeClick,
  colorMode,
}: {
  nodes: DeviceNode[];
  edges: Edge[];
  onNodeClick: NodeMouseHandler<DeviceNode>;
  colorMode: ColorMode;
}) {
  return (
    <ReactFlow
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      onNodeClick={onNodeClick}
      fitView
      fitViewOptions={FIT}
      nodesConnectable={false}
      nodesDraggable={false}
      proOptions={PRO}
      colorMode={colorMode}
      minZoom={0.3}
    >
      <Background gap={24} size={1} />
      <Controls showInteractive={false} />
    </ReactFlow>
  );
});

import { Background, Controls, ReactFlow, type NodeMouseHandler, type NodeTypes } from '@xyflow/react';
import { useCallback, useMemo } from 'react';
import { useLearnerView } from '../lab/LabContext';
import { toFlow, type DeviceNode } from '../flow/toFlow';
import { useUi } from '../state/uiStore';
import { DeviceNodeView } from './DeviceNodeView';

const nodeTypes: NodeTypes = { device: DeviceNodeView };

const WINDOWS_KINDS = new Set(['dc', 'sync', 'client']);

export function LabCanvas() {
  const view = useLearnerView();
  const selected = useUi((s) => s.selectedDevice);
  const selectDevice = useUi((s) => s.selectDevice);
  const openConsole = useUi((s) => s.openConsole);
  const { nodes, edges } = useMemo(() => toFlow(view), [view]);
  const shown = useMemo(
    () => nodes.map((n) => (n.id === selected ? { ...n, selected: true } : n)),
    [nodes, selected],
  );
  const onNodeClick = useCallback<NodeMouseHandler<DeviceNode>>(
    (_e, node) => {
      if (WINDOWS_KINDS.has(node.data.device.kind)) openConsole(node.id);
      else selectDevice(node.id);
    },
    [openConsole, selectDevice],
  );
  return (
    <div className="canvas" data-testid="lab-canvas">
      <ReactFlow
        nodes={shown}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodeClick={onNodeClick}
        fitView
        fitViewOptions={{ padding: 0.12 }}
        nodesConnectable={false}
        nodesDraggable={false}
        proOptions={{ hideAttribution: true }}
        minZoom={0.3}
      >
        <Background gap={24} size={1} />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}

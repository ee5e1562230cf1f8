import dagre from "@dagrejs/dagre";
import type { Step } from "@stepline/client";
import { Controls, type Edge, MarkerType, type Node, Position, ReactFlow } from "@xyflow/react";
import { type KeyboardEvent, useMemo, useSyncExternalStore } from "react";
import { dependencyEdges } from "../lib/dag";

const NODE_WIDTH = 184;
const NODE_HEIGHT = 56;

type Direction = "LR" | "TB";

const NARROW = "(max-width: 640px)";

/** Top to bottom on a narrow screen, left to right on a wide one, following the window as it changes. */
function useDirection(): Direction {
  const narrow = useSyncExternalStore(
    (onChange) => {
      const query = window.matchMedia(NARROW);
      query.addEventListener("change", onChange);
      return () => query.removeEventListener("change", onChange);
    },
    () => window.matchMedia(NARROW).matches,
  );
  return narrow ? "TB" : "LR";
}

/** Positions from dagre; React Flow draws them. */
function layout(steps: Step[], statuses: Record<string, string> | undefined, direction: Direction) {
  const graph = new dagre.graphlib.Graph();
  graph.setGraph({ rankdir: direction, nodesep: 24, ranksep: 48 });
  graph.setDefaultEdgeLabel(() => ({}));
  const links = dependencyEdges(steps);
  for (const step of steps) graph.setNode(step.id, { width: NODE_WIDTH, height: NODE_HEIGHT });
  for (const { from, to } of links) graph.setEdge(from, to);
  dagre.layout(graph);

  const horizontal = direction === "LR";
  const nodes: Node[] = steps.map((step) => {
    const { x, y } = graph.node(step.id);
    const status = statuses?.[step.id];
    return {
      id: step.id,
      position: { x: x - NODE_WIDTH / 2, y: y - NODE_HEIGHT / 2 },
      data: {
        label: (
          <>
            <strong>{step.name ?? step.id}</strong>
            <span>
              {step.type}
              {status ? ` · ${status}` : ""}
            </span>
          </>
        ),
      },
      className: `dag-node${status ? ` status-${status}` : ""}`,
      style: { width: NODE_WIDTH, height: NODE_HEIGHT },
      sourcePosition: horizontal ? Position.Right : Position.Bottom,
      targetPosition: horizontal ? Position.Left : Position.Top,
      ariaLabel: `Step ${step.id} (${step.type})${status ? `, ${status}` : ""}`,
    };
  });
  const edges: Edge[] = links.map(({ from, to }) => ({
    id: `${from}->${to}`,
    source: from,
    target: to,
    markerEnd: { type: MarkerType.ArrowClosed },
    animated: statuses?.[to] === "running",
  }));
  return { nodes, edges };
}

// What a screen reader says on reaching a node: React Flow's default speaks of deleting and
// moving nodes, which this read-only graph does not allow.
const NODE_HINT = {
  selectable: "Press Enter to open this step's details.",
  readOnly: "Tab moves to the next step.",
};

/**
 * A workflow's steps as a graph, one node per step and one edge per dependency, coloured by
 * each step's status when `statuses` is given. Narrow screens lay it out top to bottom. Each
 * node is a stop of the Tab key; Enter or Space on one does what a click does.
 */
export function Dag({
  steps,
  statuses,
  onSelect,
  label,
}: {
  steps: Step[];
  statuses?: Record<string, string>;
  onSelect?: (stepId: string) => void;
  label: string;
}) {
  const direction = useDirection();
  const { nodes, edges } = useMemo(() => layout(steps, statuses, direction), [steps, statuses, direction]);
  const openFocusedNode = (event: KeyboardEvent<HTMLElement>) => {
    if (!onSelect || (event.key !== "Enter" && event.key !== " ")) return;
    const node = (event.target as HTMLElement).closest<HTMLElement>(".react-flow__node");
    if (!node?.dataset.id) return;
    event.preventDefault();
    onSelect(node.dataset.id);
  };
  return (
    <figure className="dag" aria-label={label} onKeyDown={openFocusedNode}>
      {/* A new layout gets a new view fitted to it: the old pan and zoom would show empty space. */}
      <ReactFlow
        key={direction}
        nodes={nodes}
        edges={edges}
        fitView
        fitViewOptions={{ padding: 0.15, maxZoom: 1.2 }}
        minZoom={0.2}
        nodesDraggable={false}
        nodesConnectable={false}
        edgesFocusable={false}
        onNodeClick={(_, node) => onSelect?.(node.id)}
        preventScrolling={false}
        ariaLabelConfig={{ "node.a11yDescription.default": onSelect ? NODE_HINT.selectable : NODE_HINT.readOnly }}
      >
        <Controls showInteractive={false} />
      </ReactFlow>
    </figure>
  );
}

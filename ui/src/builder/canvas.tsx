import type { StepTypeInfo } from "@stepline/client";
import {
  Background,
  Controls,
  type Edge,
  Handle,
  MarkerType,
  type Node,
  type NodeChange,
  type NodeProps,
  Position,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
} from "@xyflow/react";
import { useEffect, useMemo } from "react";
import { type Draft, type DraftStep, dependencies, NODE_SIZE, type Problem, positionOf, stepProblems } from "./model";

type StepNodeData = { step: DraftStep; info: StepTypeInfo | undefined; problems: Problem[]; readOnly: boolean };
type StepNode = Node<StepNodeData, "step">;

const dataTypes = (info: StepTypeInfo | undefined) => {
  const types = info?.data_types;
  if (!types) return null;
  return `${types.accepts ?? "—"} → ${types.produces === "same" ? "same" : types.produces}`;
};

/** A step on the canvas: what it is, its data types, and how many problems it has. */
function StepNodeView({ data, selected }: NodeProps<StepNode>) {
  const { step, info, problems, readOnly } = data;
  return (
    <div className={`builder-node${problems.length ? " has-problem" : ""}${selected ? " is-selected" : ""}`}>
      <Handle type="target" position={Position.Left} isConnectable={!readOnly} />
      <strong>{step.id}</strong>
      <span>
        {step.type}
        {dataTypes(info) ? ` · ${dataTypes(info)}` : ""}
      </span>
      {problems.length > 0 && (
        <span className="node-problem" title={problems.map((p) => p.message).join("\n")}>
          {problems.length === 1 ? problems[0].message : `${problems.length} problems`}
        </span>
      )}
      <Handle type="source" position={Position.Right} isConnectable={!readOnly} />
    </div>
  );
}

const NODE_TYPES = { step: StepNodeView };

const FIT = { padding: 0.2, maxZoom: 1 };

/** A step added or removed (or the layout switching) gets a view fitted to the new graph. */
function FitOnChange({ count, readOnly }: { count: number; readOnly: boolean }) {
  const { fitView } = useReactFlow();
  // biome-ignore lint/correctness/useExhaustiveDependencies: the count and layout are what the view is fitted again for
  useEffect(() => {
    // Once the new node is measured: fitting before would leave it out.
    const frame = requestAnimationFrame(() => fitView(FIT));
    return () => cancelAnimationFrame(frame);
  }, [count, readOnly, fitView]);
  return null;
}

/**
 * The editable graph: drag a step to place it, drag from a step's right handle to another's
 * left one to make it depend on the first, select and press Delete or Backspace to remove.
 * `readOnly` (a narrow screen) only shows it.
 */
export function Canvas({
  draft,
  types,
  problems,
  selected,
  readOnly,
  onSelect,
  onMove,
  onConnect,
  onDelete,
}: {
  draft: Draft;
  types: Map<string, StepTypeInfo>;
  problems: Problem[];
  selected: string | null;
  readOnly: boolean;
  onSelect: (id: string | null) => void;
  onMove: (moves: Map<string, { x: number; y: number }>) => void;
  onConnect: (from: string, to: string, present: boolean) => void;
  onDelete: (stepIds: string[]) => void;
}) {
  const nodes = useMemo<StepNode[]>(
    () =>
      draft.steps.map((step, i) => ({
        id: step.id,
        type: "step",
        position: positionOf(step) ?? { x: 0, y: 0 },
        data: { step, info: types.get(step.type), problems: stepProblems(problems, i), readOnly },
        selected: step.id === selected,
        style: { width: NODE_SIZE.width, minHeight: NODE_SIZE.height },
        ariaLabel: `Step ${step.id} (${step.type})${stepProblems(problems, i).length ? ", has problems" : ""}`,
      })),
    [draft.steps, types, problems, selected, readOnly],
  );
  const edges = useMemo<Edge[]>(
    () =>
      draft.steps.flatMap((step, i) =>
        dependencies(draft.steps, i).map((from) => ({
          id: `${from}->${step.id}`,
          source: from,
          target: step.id,
          markerEnd: { type: MarkerType.ArrowClosed },
        })),
      ),
    [draft.steps],
  );

  const changed = (changes: NodeChange<StepNode>[]) => {
    const moves = new Map<string, { x: number; y: number }>();
    for (const change of changes) {
      if (change.type === "position" && change.position) moves.set(change.id, change.position);
      if (change.type === "select" && change.selected) onSelect(change.id);
    }
    if (moves.size > 0) onMove(moves);
  };

  return (
    <figure
      className="dag builder-canvas"
      aria-label={readOnly ? "The workflow's steps (read only)" : "The workflow's steps: drag to place and connect"}
    >
      <ReactFlowProvider>
        <ReactFlow<StepNode, Edge>
          nodes={nodes}
          edges={edges}
          nodeTypes={NODE_TYPES}
          fitView
          fitViewOptions={FIT}
          minZoom={0.2}
          nodesDraggable={!readOnly}
          nodesConnectable={!readOnly}
          elementsSelectable={!readOnly}
          // An edge is removed with the mouse (select, Delete) or by the keyboard in the step's "Runs after" boxes.
          edgesFocusable={false}
          deleteKeyCode={readOnly ? null : ["Delete", "Backspace"]}
          onNodesChange={changed}
          onPaneClick={() => onSelect(null)}
          onConnect={({ source, target }) => {
            if (source && target && source !== target) onConnect(source, target, true);
          }}
          onDelete={({ nodes: gone, edges: cut }) => {
            for (const edge of cut)
              if (!gone.some((n) => n.id === edge.target || n.id === edge.source)) onConnect(edge.source, edge.target, false);
            if (gone.length > 0) onDelete(gone.map((n) => n.id));
          }}
          preventScrolling={false}
          ariaLabelConfig={{
            "node.a11yDescription.default": readOnly
              ? "Tab moves to the next step."
              : "Press Enter to select this step and edit it below; arrow keys move it; Delete removes it.",
          }}
        >
          <Background gap={20} />
          <Controls showInteractive={false} />
          <FitOnChange count={draft.steps.length} readOnly={readOnly} />
        </ReactFlow>
      </ReactFlowProvider>
    </figure>
  );
}

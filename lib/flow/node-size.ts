export interface NodeSize {
  width: number;
  height: number;
}

/** A typical node card, for layout and placement when the canvas has not measured one. */
export const DEFAULT_NODE_SIZE: NodeSize = { width: 260, height: 110 };

/** A freshly added card before it is measured: the card's fixed width, the height of one with little content. */
export const NEW_NODE_SIZE: NodeSize = { width: 240, height: 90 };

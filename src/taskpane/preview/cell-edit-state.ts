/**
 * Editing one input cell of a previewed sheet: which cell is open, what has been typed, and why
 * the last try was refused. A reducer (docs/architecture.md: pages keep state in reducers and
 * hooks), so the view only renders it.
 */
export interface CellEditState {
  /** The open cell and its text; undefined when no cell is being edited. */
  editing?: { ref: string; text: string };
  /** The typed text is being read and the workbook evaluated. */
  saving: boolean;
  /** Why the last Enter was refused, in the pane's language. */
  error?: { ref: string; message: string };
}

export type CellEditAction =
  | { type: 'opened'; ref: string; text: string }
  | { type: 'typed'; text: string }
  | { type: 'cancelled' }
  | { type: 'saving' }
  | { type: 'refused'; message: string }
  | { type: 'saved' };

export const initialCellEdit: CellEditState = { saving: false };

export function cellEditReducer(state: CellEditState, action: CellEditAction): CellEditState {
  switch (action.type) {
    case 'opened':
      return { saving: false, editing: { ref: action.ref, text: action.text } };
    case 'typed':
      return state.editing ? { ...state, editing: { ...state.editing, text: action.text } } : state;
    case 'cancelled':
      return { saving: false };
    case 'saving':
      return { ...state, saving: true, error: undefined };
    case 'refused':
      // The cell stays open with what was typed, so it can be corrected.
      return state.editing
        ? { ...state, saving: false, error: { ref: state.editing.ref, message: action.message } }
        : { saving: false };
    case 'saved':
      return { saving: false };
  }
}

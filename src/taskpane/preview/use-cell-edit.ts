import { useCallback, useEffect, useReducer, useRef } from 'react';
import { parseErrorMessage } from '../../i18n/parse';
import { useI18n } from '../app/i18n';
import type { CellInput } from './cell-input';
import { cellEditReducer, initialCellEdit } from './cell-edit-state';

/**
 * The cell-editing workflow of a previewed sheet: open a cell, type, Enter saves through
 * `save` (which reads the text as the cell expects it and evaluates the workbook), Escape
 * cancels; a refusal is shown in the pane's language and the cell stays open.
 */
export function useCellEdit(save: ((ref: string, typed: string) => Promise<CellInput>) | undefined) {
  const { t, lang } = useI18n();
  const [state, dispatch] = useReducer(cellEditReducer, initialCellEdit);
  const live = useRef(true);
  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
    };
  }, []);
  const commit = useCallback(async () => {
    const editing = state.editing;
    if (!save || !editing || state.saving) return;
    dispatch({ type: 'saving' });
    try {
      const read = await save(editing.ref, editing.text);
      if (!live.current) return;
      if (read.ok) dispatch({ type: 'saved' });
      else
        dispatch({
          type: 'refused',
          message: t('previewEditInvalid', { ref: editing.ref, message: parseErrorMessage(read.error, lang) }),
        });
    } catch (e) {
      if (live.current)
        dispatch({
          type: 'refused',
          message: t('previewEditInvalid', { ref: editing.ref, message: (e as Error).message }),
        });
    }
  }, [save, state.editing, state.saving, t, lang]);
  return {
    state,
    open: (ref: string, text: string) => dispatch({ type: 'opened', ref, text }),
    type: (text: string) => dispatch({ type: 'typed', text }),
    cancel: () => dispatch({ type: 'cancelled' }),
    commit,
  };
}

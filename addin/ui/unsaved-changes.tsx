import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from "react";
import { DiscardChangesDialog } from "./discard-changes-dialog";

interface UnsavedChangesGuard {
  setDirty(id: string, dirty: boolean): void;
  /** Runs `leave` at once when nothing is unsaved; else after the user chose to discard. */
  confirm(leave: () => void): void;
}

const UnsavedChangesContext = createContext<UnsavedChangesGuard | undefined>(undefined);

/**
 * Where forms below report unsaved edits, so that leaving (another tab, back to the list) asks
 * first instead of unmounting the form and its typed values with it.
 */
export const UnsavedChangesProvider = ({ children }: { children: ReactNode }) => {
  const dirty = useRef(new Set<string>());
  const [pending, setPending] = useState<{ leave: () => void }>();
  const guard = useMemo<UnsavedChangesGuard>(
    () => ({
      setDirty: (id, on) => void (on ? dirty.current.add(id) : dirty.current.delete(id)),
      confirm: (leave) => (dirty.current.size === 0 ? leave() : setPending({ leave })),
    }),
    [],
  );
  return (
    <UnsavedChangesContext.Provider value={guard}>
      {children}
      {pending && (
        <DiscardChangesDialog
          onKeep={() => setPending(undefined)}
          onDiscard={() => {
            setPending(undefined);
            dirty.current.clear();
            pending.leave();
          }}
        />
      )}
    </UnsavedChangesContext.Provider>
  );
};

/** Reports whether the calling form holds unsaved edits (cleared when it unmounts). */
export const useUnsavedChanges = (dirty: boolean) => {
  const guard = useContext(UnsavedChangesContext);
  const id = useId();
  useEffect(() => {
    guard?.setDirty(id, dirty);
    return () => guard?.setDirty(id, false);
  }, [guard, id, dirty]);
};

/** Wraps a navigation so that it asks first when a form below has unsaved edits. */
export const useConfirmLeave = () => {
  const guard = useContext(UnsavedChangesContext);
  return useCallback((leave: () => void) => (guard ? guard.confirm(leave) : leave()), [guard]);
};

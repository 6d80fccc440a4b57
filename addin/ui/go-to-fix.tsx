import { createContext, useContext, type ReactNode } from "react";

/**
 * Where a problem is fixed: a tab of the open segment and, on Lines, the header field to set
 * ("no interaction template is set" opens Details on the template). The shell provides the way
 * there; a view used outside a segment (tests, another shell) simply offers no button.
 */
export interface FixTarget {
  readonly tab: "lines" | "criteria" | "letter" | "preview" | "merge" | "log";
  /** A field of the segment's Details (the header form), focused once shown. */
  readonly field?: "description" | "salespersonCode" | "interactionTemplateCode" | "subject";
}

export interface GoToFix {
  readonly goTo: (target: FixTarget) => void;
  /** The header field asked for and not yet shown; the Lines view opens Details on it. */
  readonly pendingField: FixTarget["field"];
  readonly fieldShown: () => void;
}

const GoToFixContext = createContext<GoToFix | undefined>(undefined);

export const GoToFixProvider = ({ value, children }: { value: GoToFix; children: ReactNode }) => (
  <GoToFixContext.Provider value={value}>{children}</GoToFixContext.Provider>
);

export const useGoToFix = (): GoToFix | undefined => useContext(GoToFixContext);

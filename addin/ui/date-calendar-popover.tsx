import { Popover, PopoverSurface } from "@fluentui/react-components";
import { DateCalendar, type DateCalendarProps } from "./date-calendar";

export interface DateCalendarPopoverProps extends DateCalendarProps {
  /** The calendar button it opens from, and where focus goes back when it closes. */
  readonly target: HTMLElement | null;
  /** The date box's field name, naming the popover for a screen reader. */
  readonly label: string;
  readonly onClose: () => void;
}

/**
 * The calendar in a popover beside its button. The popover comes with the calendar's chunk,
 * not with the view that holds the date box: a view needs only the button until it is pressed.
 */
export const DateCalendarPopover = ({
  target,
  label,
  onClose,
  ...calendar
}: DateCalendarPopoverProps) => (
  <Popover
    open
    trapFocus
    // The calendar puts focus on its chosen day itself, as a grid does; not on "previous month".
    unstable_disableAutoFocus
    positioning={{ target, position: "below", align: "end" }}
    onOpenChange={(_, data) => !data.open && onClose()}
  >
    <PopoverSurface aria-label={label}>
      <DateCalendar {...calendar} />
    </PopoverSurface>
  </Popover>
);

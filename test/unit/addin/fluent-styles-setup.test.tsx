import { Button, makeStyles } from "@fluentui/react-components";
import { render, screen } from "@testing-library/react";
import { keepsCssRule } from "./fluent-styles-setup";

/**
 * The component tests leave Fluent's paint out of jsdom (fluent-styles-setup.ts). What hides an
 * element must stay: a test that finds a button CSS hides would pass on a bug.
 */

const useStyles = makeStyles({
  gone: { display: "none" },
  invisible: { visibility: "hidden" },
  painted: { color: "red", backgroundColor: "blue", paddingTop: "4px" },
});

const Styled = () => {
  const styles = useStyles();
  return (
    <>
      <Button className={styles.gone}>Gone</Button>
      <Button className={styles.invisible}>Invisible</Button>
      <Button className={styles.painted}>Painted</Button>
    </>
  );
};

describe("Fluent's CSS in the component tests", () => {
  it("still hides what display or visibility hides, and leaves paint out", () => {
    render(<Styled />);
    expect(screen.queryByRole("button", { name: "Gone" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Invisible" })).toBeNull();
    const painted = screen.getByRole("button", { name: "Painted" });
    // jsdom reports the colour of an inserted rule; this one is not inserted.
    expect(getComputedStyle(painted).color).not.toBe("red");
  });

  it("keeps a rule when any property it declares is not paint", () => {
    expect(keepsCssRule(".a{display:none;}")).toBe(true);
    expect(keepsCssRule(".a{color:red;display:none;}")).toBe(true);
    expect(keepsCssRule("@media (forced-colors: active){.a{visibility:hidden;}}")).toBe(true);
    expect(keepsCssRule(".a{--fui-size:4px;}")).toBe(true);
    expect(keepsCssRule(".a{margin-left:4px;}")).toBe(true);
    expect(keepsCssRule(".a{color:red;}")).toBe(false);
    expect(keepsCssRule(".a:hover{background-color:var(--x);border-top-color:red;}")).toBe(false);
    expect(keepsCssRule("@media (forced-colors: active){.a{color:Highlight;}}")).toBe(false);
  });
});

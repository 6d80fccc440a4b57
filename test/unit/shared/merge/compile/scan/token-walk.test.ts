import { walkTokens, type Enclosing } from "@shared/merge/compile/scan/token-walk";
import { tokenizeXml, type XmlToken } from "@shared/merge/xml/xml-tokenizer";

describe("walkTokens", () => {
  const xml = "<a><b>text<c/></b><d></d></a>";
  const tokens = tokenizeXml(xml, "test.xml", 512);

  it("pairs each open token with its close token; every other token maps to itself", () => {
    const closeOf = walkTokens(tokens, {});
    const name = (i: number) =>
      xml.slice((tokens[i] as XmlToken).start, (tokens[i] as XmlToken).end);
    const pairs = tokens.map((_, i) => `${name(i)}->${name(closeOf[i] as number)}`);
    expect(pairs).toEqual([
      "<a>-></a>",
      "<b>-></b>",
      "text->text",
      "<c/>-><c/>",
      "</b>-></b>",
      "<d>-></d>",
      "</d>-></d>",
      "</a>-></a>",
    ]);
  });

  it("tells each recognizer where a token sits: its parent, the parent's token, the depth", () => {
    const seen: string[] = [];
    const note = (kind: string, token: XmlToken, at: Enclosing) =>
      seen.push(
        `${kind} ${token.name || "text"} in ${at.parent || "-"}@${at.parentIndex} depth ${at.depth}`,
      );
    walkTokens(tokens, {
      open: (_i, token, at) => note("open", token, at),
      close: (_i, token, _open, at) => note("close", token, at),
      text: (_i, token) => seen.push(`text ${xml.slice(token.start, token.end)}`),
    });
    expect(seen).toEqual([
      "open a in -@-1 depth 0",
      "open b in a@0 depth 1",
      "text text",
      "open c in b@1 depth 2",
      "close b in a@0 depth 1",
      "open d in a@0 depth 1",
      "close d in a@0 depth 1",
      "close a in -@-1 depth 0",
    ]);
  });
});

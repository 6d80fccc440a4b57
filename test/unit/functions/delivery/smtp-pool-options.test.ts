import { smtpPoolOptions } from "../../../../functions/delivery/smtp/smtp-transport";

describe("SMTP connection options from SMTP_URL", () => {
  it("reads host, port, account (URL-encoded) and the pool's size", () => {
    expect(
      smtpPoolOptions("smtp://user%40contoso.com:p%3Ass%2F@smtp.azurecomm.net:587", 4),
    ).toMatchObject({
      pool: true,
      maxConnections: 4,
      host: "smtp.azurecomm.net",
      port: 587,
      secure: false,
      auth: { user: "user@contoso.com", pass: "p:ss/" },
    });
  });

  it("uses TLS from the start for smtps:// (465 by default), and 587 for smtp://", () => {
    expect(smtpPoolOptions("smtps://relay.example.com", 1)).toMatchObject({
      secure: true,
      port: 465,
    });
    expect(smtpPoolOptions("smtp://relay.example.com", 1)).toMatchObject({
      secure: false,
      port: 587,
    });
  });

  it("demands STARTTLS off this machine, so a password never goes in the clear", () => {
    expect(smtpPoolOptions("smtp://u:p@smtp.office365.com:587", 1).requireTLS).toBe(true);
    expect(smtpPoolOptions("smtps://u:p@smtp.office365.com", 1).requireTLS).toBe(false);
    for (const local of ["smtp://127.0.0.1:1025", "smtp://localhost:1025", "smtp://[::1]:1025"])
      expect(smtpPoolOptions(local, 1).requireTLS).toBe(false);
  });

  it("sends no account when the URL has none", () => {
    expect(smtpPoolOptions("smtp://127.0.0.1:1025", 1).auth).toBeUndefined();
  });
});

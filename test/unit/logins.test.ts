import { describe, expect, it } from "vitest";
import { loginKey, sameLogin, uniqueLogins } from "../../src/cases/logins.js";

describe("logins", () => {
  it("compare without case or a leading @", () => {
    expect(loginKey(" @Octo-Cat ")).toBe("octo-cat");
    expect(sameLogin("@Mona", "mona")).toBe(true);
    expect(sameLogin("mona", "monalisa")).toBe(false);
  });

  it("are listed once each, first spelling kept, blanks dropped", () => {
    expect(uniqueLogins(["Mona", "@mona", " ben ", "", "@", "BEN", "cy"])).toEqual(["Mona", "ben", "cy"]);
  });
});

import { Probot } from "probot";
import { readFileSync } from "node:fs";
const app = new Probot({ appId: 1, privateKey: readFileSync("/tmp/k.pem", "utf8"), secret: "s", baseUrl: "http://127.0.0.1:39999/api/v3" });
const t = Date.now();
setInterval(() => {}, 5000);
try { await app.auth(1); } catch (e) { console.log("rejected after", Date.now() - t, e.status, e.message.slice(0,100)); }

/**
 * Entry of the parser thread that bounded-parser.ts starts: it reads the
 * comment bodies the main thread sends and answers with their commands, so
 * parsing a heavy comment never holds up webhooks or `GET /ping`.
 */
import { parentPort } from "node:worker_threads";
import { answerParseRequest, type FromParserThread, type ToParserThread } from "./parse-request.js";

const port = parentPort;
if (!port) throw new Error("parser-worker runs only as a worker thread");

const reply = (message: FromParserThread) => port.postMessage(message);

port.on("message", ({ id, request }: ToParserThread) => {
  try {
    reply({ id, answer: answerParseRequest(request) });
  } catch (error) {
    // Only the error's name: its message could quote the comment.
    reply({ id, failure: error instanceof Error ? error.name : "unknown error" });
  }
});

// Sent once the parser is loaded, so that loading is never counted against a parse's time bound.
reply({ ready: true });

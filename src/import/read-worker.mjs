// Entry of the import worker thread: the sources are TypeScript, run through tsx as the bin does.
import { register } from "tsx/esm/api";

register();
await import("./read-worker-main.ts");

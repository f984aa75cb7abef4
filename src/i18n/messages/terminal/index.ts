import { defineArea } from "../../catalog.ts";
import en from "./en.ts";
import id from "./id.ts";
import th from "./th.ts";
import vi from "./vi.ts";

export default defineArea({ en, id, vi, th });

// The floor the bot's memory is compared with: plain node and nothing else (the bot runs compiled
// JavaScript from dist/, so no TypeScript loader). Idles for argv[2] milliseconds, printing
// "ready" first.
process.stdout.write("ready\n");
setTimeout(() => {}, Number(process.argv[2] ?? 0));

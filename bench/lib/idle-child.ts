/**
 * The floor the bot's process figures are compared with: node with the TypeScript loader and
 * nothing else. Idles for argv[2] milliseconds (0: exits at once), printing "ready" first.
 */
process.stdout.write("ready\n");
setTimeout(() => {}, Number(process.argv[2] ?? 0));

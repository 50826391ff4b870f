import v8 from "node:v8";

// Tests: whether objects share one hidden class ("map") in V8, read with V8's own %HaveSameMap.
// On Node 20 a literal that starts with a spread and adds properties after it gets a class of its
// own for every object once its call site has warmed up (after 8 objects): about 12 µs and 4 KB
// of garbage each, which the worker's hot path must not pay per delivery.

v8.setFlagsFromString("--allow-natives-syntax");
const sameHiddenClass = new Function("a", "b", "return %HaveSameMap(a, b)") as (a: object, b: object) => boolean;

/** How many objects a call site must build before a class per object would show. */
export const WARM_CALL_SITE = 12;

/** Whether each object has its predecessor's hidden class. */
export function shareOneHiddenClass(objects: object[]): boolean {
  return objects.slice(1).every((object, i) => sameHiddenClass(objects[i], object));
}

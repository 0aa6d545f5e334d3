import { CannotSimulate } from './cannot-simulate';

/** The parts of fengari's API used here (fengari ships no types). */
interface Fengari {
  readonly lua: {
    readonly LUA_OK: number;
    readonly LUA_TNIL: number; readonly LUA_TBOOLEAN: number; readonly LUA_TNUMBER: number; readonly LUA_TSTRING: number; readonly LUA_TTABLE: number;
    lua_newtable(L: unknown): void;
    lua_pushstring(L: unknown, s: Uint8Array): void;
    lua_pushnumber(L: unknown, n: number): void;
    lua_pushinteger(L: unknown, n: number): void;
    lua_pushboolean(L: unknown, b: boolean): void;
    lua_settable(L: unknown, index: number): void;
    lua_rawseti(L: unknown, index: number, i: number): void;
    lua_setglobal(L: unknown, name: Uint8Array): void;
    lua_gettop(L: unknown): number;
    lua_type(L: unknown, index: number): number;
    lua_toboolean(L: unknown, index: number): boolean;
    lua_tonumber(L: unknown, index: number): number;
    lua_tojsstring(L: unknown, index: number): string;
    lua_pushnil(L: unknown): void;
    lua_next(L: unknown, index: number): number;
    lua_pop(L: unknown, n: number): void;
    lua_rawlen(L: unknown, index: number): number;
    lua_rawgeti(L: unknown, index: number, i: number): number;
    lua_getmetatable(L: unknown, index: number): number;
    lua_getfield(L: unknown, index: number, k: Uint8Array): number;
    lua_pushvalue(L: unknown, index: number): void;
    lua_isinteger(L: unknown, index: number): boolean;
  };
  readonly lauxlib: { luaL_newstate(): unknown; luaL_dostring(L: unknown, s: Uint8Array): number };
  readonly lualib: { luaL_openlibs(L: unknown): void };
  to_luastring(s: string): Uint8Array;
}

let engine: Fengari | undefined;

function load(): Fengari {
  if (!engine) {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      engine = require('fengari') as Fengari;
    } catch (e) {
      throw new CannotSimulate('Lua script', `the Lua engine (fengari) could not be loaded: ${(e as Error).message}`);
    }
  }
  return engine;
}

/** Pushes a Go map[string]interface{} as Argo Events' mapToTable does (nulls and nested lists dropped). */
function pushMap(f: Fengari, L: unknown, map: { [key: string]: unknown }): void {
  const { lua } = f;
  lua.lua_newtable(L);
  for (const [key, value] of Object.entries(map)) {
    if (!pushValue(f, L, value, true)) continue;
    lua.lua_pushstring(L, f.to_luastring(key));
    // stack: table, value, key -> swap into table[key] = value
    lua.lua_pushvalue(L, -2);
    lua.lua_settable(L, -4);
    lua.lua_pop(L, 1);
  }
}

function pushValue(f: Fengari, L: unknown, value: unknown, inMap: boolean): boolean {
  const { lua } = f;
  if (typeof value === 'number') {
    if (Number.isInteger(value)) lua.lua_pushinteger(L, value);
    else lua.lua_pushnumber(L, value);
  } else if (typeof value === 'string') lua.lua_pushstring(L, f.to_luastring(value));
  else if (typeof value === 'boolean') lua.lua_pushboolean(L, value);
  else if (Array.isArray(value)) {
    if (!inMap) return false;
    lua.lua_newtable(L);
    let n = 0;
    for (const item of value) {
      // mapToTable keeps maps, numbers, strings and booleans of a list; nulls and nested lists are dropped.
      if (Array.isArray(item) || item === null || item === undefined) continue;
      if (typeof item === 'object') pushMap(f, L, item as { [key: string]: unknown });
      else pushValue(f, L, item, false);
      lua.lua_rawseti(L, -2, ++n);
    }
  } else if (value && typeof value === 'object') pushMap(f, L, value as { [key: string]: unknown });
  else return false;
  return true;
}

/** Argo Events' toGoValue: tables with a positive length (or `__is_array`) become lists, others maps. */
function toValue(f: Fengari, L: unknown, index: number): unknown {
  const { lua } = f;
  const type = lua.lua_type(L, index);
  if (type === lua.LUA_TNIL) return null;
  if (type === lua.LUA_TBOOLEAN) return lua.lua_toboolean(L, index);
  if (type === lua.LUA_TNUMBER) return lua.lua_tonumber(L, index);
  if (type === lua.LUA_TSTRING) return lua.lua_tojsstring(L, index);
  if (type !== lua.LUA_TTABLE) return null;
  const absolute = index < 0 ? lua.lua_gettop(L) + index + 1 : index;
  const length = lua.lua_rawlen(L, absolute);
  let isArray = false;
  if (lua.lua_getmetatable(L, absolute)) {
    lua.lua_getfield(L, -1, f.to_luastring('__is_array'));
    isArray = lua.lua_toboolean(L, -1);
    lua.lua_pop(L, 2);
  }
  if (isArray || length > 0) {
    const out: unknown[] = [];
    for (let i = 1; i <= length; i++) {
      lua.lua_rawgeti(L, absolute, i);
      out.push(toValue(f, L, -1));
      lua.lua_pop(L, 1);
    }
    return out;
  }
  const out: { [key: string]: unknown } = {};
  lua.lua_pushnil(L);
  while (lua.lua_next(L, absolute) !== 0) {
    lua.lua_pushvalue(L, -2);
    const key = lua.lua_type(L, -1) === lua.LUA_TNUMBER && lua.lua_isinteger(L, -1) ? String(lua.lua_tonumber(L, -1)) : lua.lua_tojsstring(L, -1);
    lua.lua_pop(L, 1);
    out[key] = toValue(f, L, -1);
    lua.lua_pop(L, 1);
  }
  return out;
}

function run(script: string, data: { [key: string]: unknown }): { f: Fengari; L: unknown; error?: string } {
  const f = load();
  const L = f.lauxlib.luaL_newstate();
  f.lualib.luaL_openlibs(L);
  pushMap(f, L, data);
  f.lua.lua_setglobal(L, f.to_luastring('event'));
  const status = f.lauxlib.luaL_dostring(L, f.to_luastring(script));
  if (status !== f.lua.LUA_OK) return { f, L, error: f.lua.lua_tojsstring(L, -1) };
  return { f, L };
}

/**
 * A Lua filter script (filters.script) over the event data, as Argo Events runs it with
 * gopher-lua: the global `event` holds the data, the script must return true. Runs in fengari
 * (Lua 5.3; gopher-lua is Lua 5.1: integer division `//` and bitwise operators exist only here).
 */
export function runLuaFilter(script: string, data: { [key: string]: unknown }): { pass: boolean; returned?: string; error?: string } {
  const { f, L, error } = run(script, data);
  if (error !== undefined) return { pass: false, error };
  if (f.lua.lua_gettop(L) === 0) return { pass: false, returned: 'nothing' };
  const type = f.lua.lua_type(L, -1);
  const pass = type === f.lua.LUA_TBOOLEAN && f.lua.lua_toboolean(L, -1);
  return { pass, returned: type === f.lua.LUA_TNIL ? 'nil' : JSON.stringify(toValue(f, L, -1)) };
}

/** A Lua transform script (transform.script): must return a table, which becomes the new data. */
export function runLuaTransform(script: string, data: { [key: string]: unknown }): { result?: unknown; error?: string } {
  const { f, L, error } = run(script, data);
  if (error !== undefined) return { error };
  if (f.lua.lua_gettop(L) === 0 || f.lua.lua_type(L, -1) !== f.lua.LUA_TTABLE) return { error: 'transformation script output type is not of lua table' };
  return { result: toValue(f, L, -1) };
}

import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { RequestHandler } from 'express';
import cors from 'cors';
import helmet from 'helmet';

/**
 * The hashes of the inline scripts in the H5 build's index.html (Taro puts its rem sizing script
 * there), so the CSP can allow exactly those and no other inline script. Read once at start: the
 * build is made before the server starts.
 */
export function inlineScriptHashes(h5Dir: string): string[] {
  let html: string;
  try {
    html = fs.readFileSync(path.join(h5Dir, 'index.html'), 'utf8');
  } catch {
    return [];
  }
  const hashes: string[] = [];
  for (const match of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)) {
    hashes.push(`'sha256-${crypto.createHash('sha256').update(match[1], 'utf8').digest('base64')}'`);
  }
  return hashes;
}

/**
 * helmet's headers for the H5 mini program and everything else not under /graphql. The CSP lets
 * the page load only its own scripts (plus the hashed inline sizing script), talk only to its own
 * origin, and not be framed by others. Images and media may come from https: lecturers link
 * course covers and chapter videos on other hosts. Style attributes and <style> elements are
 * allowed inline: Taro's components and React set styles at run time, and injected CSS cannot run
 * code. No upgrade-insecure-requests: a county office may run the server on plain HTTP in its LAN.
 *
 * Outside production, media and images may also come over plain HTTP from this machine: the API
 * only takes https links, but a developer (and the learning e2e test) plays files from a local
 * server without a certificate.
 */
export function pageSecurityHeaders(h5Dir: string, options: { isProduction: boolean }): RequestHandler {
  const localMedia = options.isProduction ? [] : ['http://127.0.0.1:*', 'http://localhost:*'];
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", ...inlineScriptHashes(h5Dir)],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:', 'https:', ...localMedia],
        mediaSrc: ["'self'", 'blob:', 'https:', ...localMedia],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'self'"],
        scriptSrcAttr: ["'none'"],
      },
    },
  });
}

/**
 * helmet's headers for the API. Its answers are JSON, which should never render as a page: the
 * CSP forbids everything. Apollo's landing page (only when introspection is on) brings its own CSP
 * in a <meta> tag for its CDN scripts; a header CSP would intersect with it and break it, so then
 * the header CSP is left out.
 */
export function apiSecurityHeaders(landingPage: boolean): RequestHandler {
  return helmet({
    contentSecurityPolicy: landingPage
      ? false
      : { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
  });
}

/**
 * Cross-origin callers allowed by configuration only. The H5 app is served from the same origin and
 * the WeChat mini program is not a browser origin, so neither needs CORS; a disallowed origin gets
 * no Access-Control-Allow-Origin and its browser keeps the answer from the page.
 */
export function corsForOrigins(origins: string[]): RequestHandler {
  const allowed = new Set(origins);
  return cors({
    origin: (origin, callback) => callback(null, origin !== undefined && allowed.has(origin)),
    methods: ['GET', 'POST', 'OPTIONS'],
    allowedHeaders: ['Content-Type', 'Authorization', 'Apollo-Require-Preflight'],
    maxAge: 600,
  });
}

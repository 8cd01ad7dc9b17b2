//! The protocol's notation (v4 §3): `[short]`, `[int]`, `[string]`, `[long string]`,
//! `[bytes]`, `[short bytes]`, `[string list]`, `[string map]`, `[string multimap]`.
//! [`Reader`] checks every length against what is left, so no input can make it panic or
//! allocate more than the body it reads from.
#![allow(
    clippy::indexing_slicing,
    reason = "reads index only slices that take() returned at the requested length; the frame fuzz target covers it"
)]

use crate::frame::FrameError;

/// A cursor over a body.
#[derive(Clone, Debug)]
pub struct Reader<'a> {
    buf: &'a [u8],
}

impl<'a> Reader<'a> {
    /// Reads from the start of `buf`.
    pub fn new(buf: &'a [u8]) -> Self {
        Reader { buf }
    }

    /// The bytes not read yet.
    pub fn rest(&self) -> &'a [u8] {
        self.buf
    }

    /// Takes `n` bytes.
    pub fn take(&mut self, n: usize, what: &'static str) -> Result<&'a [u8], FrameError> {
        if n > self.buf.len() {
            return Err(FrameError::Truncated(what));
        }
        let (head, tail) = self.buf.split_at(n);
        self.buf = tail;
        Ok(head)
    }

    /// `[byte]`.
    pub fn byte(&mut self, what: &'static str) -> Result<u8, FrameError> {
        Ok(self.take(1, what)?[0])
    }

    /// `[short]`: an unsigned 16-bit length or count.
    pub fn short(&mut self, what: &'static str) -> Result<u16, FrameError> {
        let b = self.take(2, what)?;
        Ok(u16::from_be_bytes([b[0], b[1]]))
    }

    /// `[int]`.
    pub fn int(&mut self, what: &'static str) -> Result<i32, FrameError> {
        let b = self.take(4, what)?;
        Ok(i32::from_be_bytes([b[0], b[1], b[2], b[3]]))
    }

    /// `[string]`: a `[short]` length and UTF-8.
    pub fn string(&mut self, what: &'static str) -> Result<&'a str, FrameError> {
        let n = self.short(what)? as usize;
        utf8(self.take(n, what)?, what)
    }

    /// `[long string]`: an `[int]` length and UTF-8.
    pub fn long_string(&mut self, what: &'static str) -> Result<&'a str, FrameError> {
        let n = usize::try_from(self.int(what)?).map_err(|_| FrameError::Malformed(what))?;
        utf8(self.take(n, what)?, what)
    }

    /// `[bytes]`: an `[int]` length, negative for null.
    pub fn bytes(&mut self, what: &'static str) -> Result<Option<&'a [u8]>, FrameError> {
        let n = self.int(what)?;
        match usize::try_from(n) {
            Ok(n) => Ok(Some(self.take(n, what)?)),
            Err(_) => Ok(None),
        }
    }

    /// `[value]`: like `[bytes]`, where -1 is null and -2 "not set"; other negatives are invalid.
    pub fn value(&mut self, what: &'static str) -> Result<Option<&'a [u8]>, FrameError> {
        let n = self.int(what)?;
        match n {
            -1 | -2 => Ok(None),
            n => {
                let n = usize::try_from(n).map_err(|_| FrameError::Malformed(what))?;
                Ok(Some(self.take(n, what)?))
            }
        }
    }

    /// `[short bytes]`.
    pub fn short_bytes(&mut self, what: &'static str) -> Result<&'a [u8], FrameError> {
        let n = self.short(what)? as usize;
        self.take(n, what)
    }

    /// `[string list]`.
    pub fn string_list(&mut self, what: &'static str) -> Result<Vec<&'a str>, FrameError> {
        let n = self.short(what)?;
        (0..n).map(|_| self.string(what)).collect()
    }

    /// `[string map]`.
    pub fn string_map(
        &mut self,
        what: &'static str,
    ) -> Result<Vec<(&'a str, &'a str)>, FrameError> {
        let n = self.short(what)?;
        (0..n)
            .map(|_| Ok((self.string(what)?, self.string(what)?)))
            .collect()
    }

    /// `[string multimap]`.
    pub fn string_multimap(
        &mut self,
        what: &'static str,
    ) -> Result<Vec<(&'a str, Vec<&'a str>)>, FrameError> {
        let n = self.short(what)?;
        (0..n)
            .map(|_| Ok((self.string(what)?, self.string_list(what)?)))
            .collect()
    }

    /// `[bytes map]`, skipped: custom payloads are relayed, never read.
    pub fn skip_bytes_map(&mut self, what: &'static str) -> Result<(), FrameError> {
        let n = self.short(what)?;
        for _ in 0..n {
            self.string(what)?;
            self.bytes(what)?;
        }
        Ok(())
    }
}

fn utf8<'a>(b: &'a [u8], what: &'static str) -> Result<&'a str, FrameError> {
    std::str::from_utf8(b).map_err(|_| FrameError::Malformed(what))
}

/// Builds a body.
#[derive(Clone, Debug, Default)]
pub struct Writer {
    buf: Vec<u8>,
}

impl Writer {
    /// An empty body.
    pub fn new() -> Self {
        Writer::default()
    }

    /// The finished body.
    pub fn finish(self) -> Vec<u8> {
        self.buf
    }

    /// `[byte]`.
    pub fn byte(&mut self, b: u8) -> &mut Self {
        self.buf.push(b);
        self
    }

    /// `[short]`.
    pub fn short(&mut self, v: u16) -> &mut Self {
        self.buf.extend_from_slice(&v.to_be_bytes());
        self
    }

    /// `[int]`.
    pub fn int(&mut self, v: i32) -> &mut Self {
        self.buf.extend_from_slice(&v.to_be_bytes());
        self
    }

    /// Raw bytes, already encoded.
    pub fn raw(&mut self, b: &[u8]) -> &mut Self {
        self.buf.extend_from_slice(b);
        self
    }

    /// `[string]`, cut at 65535 bytes (on a character boundary) rather than mis-encoded.
    pub fn string(&mut self, s: &str) -> &mut Self {
        let s = truncate(s, u16::MAX as usize);
        self.short(s.len() as u16).raw(s.as_bytes())
    }

    /// `[long string]`.
    pub fn long_string(&mut self, s: &str) -> &mut Self {
        let s = truncate(s, i32::MAX as usize);
        self.int(s.len() as i32).raw(s.as_bytes())
    }

    /// `[bytes]`; `None` is null.
    pub fn bytes(&mut self, b: Option<&[u8]>) -> &mut Self {
        match b {
            Some(b) => {
                let b = &b[..b.len().min(i32::MAX as usize)];
                self.int(b.len() as i32).raw(b)
            }
            None => self.int(-1),
        }
    }

    /// `[short bytes]`.
    pub fn short_bytes(&mut self, b: &[u8]) -> &mut Self {
        let b = &b[..b.len().min(u16::MAX as usize)];
        self.short(b.len() as u16).raw(b)
    }

    /// `[string list]`.
    pub fn string_list(&mut self, items: &[&str]) -> &mut Self {
        self.short(items.len().min(u16::MAX as usize) as u16);
        for s in items.iter().take(u16::MAX as usize) {
            self.string(s);
        }
        self
    }

    /// `[string map]`.
    pub fn string_map(&mut self, items: &[(&str, &str)]) -> &mut Self {
        self.short(items.len().min(u16::MAX as usize) as u16);
        for (k, v) in items.iter().take(u16::MAX as usize) {
            self.string(k).string(v);
        }
        self
    }

    /// `[string multimap]`.
    pub fn string_multimap(&mut self, items: &[(&str, Vec<&str>)]) -> &mut Self {
        self.short(items.len().min(u16::MAX as usize) as u16);
        for (k, v) in items.iter().take(u16::MAX as usize) {
            self.string(k).string_list(v);
        }
        self
    }
}

/// The longest prefix of `s` of at most `max` bytes that ends on a character boundary.
fn truncate(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn primitives_round_trip() {
        let mut w = Writer::new();
        w.string("héllo")
            .long_string("select")
            .bytes(Some(b"ab"))
            .bytes(None)
            .short_bytes(b"id")
            .string_list(&["a", "b"])
            .string_map(&[("CQL_VERSION", "3.0.0")])
            .string_multimap(&[("COMPRESSION", vec![])]);
        let body = w.finish();
        let mut r = Reader::new(&body);
        assert_eq!(r.string("s").unwrap(), "héllo");
        assert_eq!(r.long_string("l").unwrap(), "select");
        assert_eq!(r.bytes("b").unwrap(), Some(&b"ab"[..]));
        assert_eq!(r.bytes("b").unwrap(), None);
        assert_eq!(r.short_bytes("sb").unwrap(), b"id");
        assert_eq!(r.string_list("sl").unwrap(), vec!["a", "b"]);
        assert_eq!(r.string_map("sm").unwrap(), vec![("CQL_VERSION", "3.0.0")]);
        assert_eq!(
            r.string_multimap("mm").unwrap(),
            vec![("COMPRESSION", Vec::<&str>::new())]
        );
        assert!(r.rest().is_empty());
    }

    #[test]
    fn lengths_beyond_the_body_are_errors() {
        assert_eq!(
            Reader::new(&[0, 9, b'a']).string("s"),
            Err(FrameError::Truncated("s"))
        );
        assert_eq!(
            Reader::new(&[0x80, 0, 0, 0]).long_string("l"),
            Err(FrameError::Malformed("l"))
        );
        assert_eq!(
            Reader::new(&[0xff, 0xff, 0xff, 0xfd]).value("v"),
            Err(FrameError::Malformed("v"))
        );
    }
}

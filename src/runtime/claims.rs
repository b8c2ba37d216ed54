//! What this process's event workers know of each other's claims.

/// What this process's event workers need to know of each other's claims, so that no claim is
/// wasted and no event waits for the poll.
///
/// A wake that finds its event taken is skipped: every claim starts by taking the "wanted" mark
/// that each stored batch of events sets, and a woken worker that finds it taken claims nothing
/// (the claim that took the mark started after those events were stored, so it takes them).
/// Under load, with a wake per stored batch and several workers, every other claim was an empty
/// one before.
///
/// An event stored behind one of its chat's that a worker holds is not claimable until that
/// worker commits: a claim woken for it takes nothing. The book keeps the chats of the batches
/// stored while claims are under way, and a worker that holds one of those chats claims again
/// once it has committed. Across instances such an event is found at the next poll.
#[derive(Default)]
pub struct ClaimBook(std::sync::Mutex<Book>);

#[derive(Default)]
struct Book {
    /// events were stored since the last claim started
    wanted: bool,
    /// batches of events stored so far
    stored: u64,
    /// the chats of the batches stored while a claim was under way, by their number in `stored`
    recent: std::collections::VecDeque<(u64, Vec<String>)>,
    /// claims under way
    flights: std::collections::HashMap<u64, Flight>,
    next_flight: u64,
}

struct Flight {
    /// `stored` when the claim started
    since: u64,
    /// the chats of the events it holds
    chats: Vec<String>,
    /// an event of one of them was stored after the claim started
    again: bool,
}

/// A claim under way (see [`ClaimBook`]); it ends when dropped.
pub struct Claiming<'a> {
    book: &'a ClaimBook,
    id: u64,
}

impl ClaimBook {
    fn book(&self) -> std::sync::MutexGuard<'_, Book> {
        // (a few counters and lists: one poisoned by a panic elsewhere is still consistent)
        self.0.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The ingest stored a batch of events with these chats.
    pub fn stored<'c>(&self, chats: impl Iterator<Item = &'c str>) {
        let mut b = self.book();
        b.wanted = true;
        b.stored += 1;
        if b.flights.is_empty() {
            return;
        }
        let chats: Vec<String> = chats.map(str::to_owned).collect();
        for flight in b.flights.values_mut() {
            flight.again |= flight.chats.iter().any(|c| chats.contains(c));
        }
        let n = b.stored;
        b.recent.push_back((n, chats));
    }

    /// Something may be claimable (a full batch, events put back): the next woken worker claims.
    pub fn want(&self) {
        self.book().wanted = true;
    }

    /// A worker is about to claim; `woken`: a wake sent it, and it claims only if no claim has
    /// started since events were last stored.
    pub fn start(&self, woken: bool) -> Option<Claiming<'_>> {
        let mut b = self.book();
        if !std::mem::take(&mut b.wanted) && woken {
            return None;
        }
        let id = b.next_flight;
        b.next_flight += 1;
        let since = b.stored;
        b.flights.insert(
            id,
            Flight {
                since,
                chats: Vec::new(),
                again: false,
            },
        );
        Some(Claiming { book: self, id })
    }
}

impl Claiming<'_> {
    /// The claim holds events of these chats.
    pub fn claimed(&self, chats: Vec<String>) {
        let mut b = self.book.book();
        let Book { recent, flights, .. } = &mut *b;
        if let Some(flight) = flights.get_mut(&self.id) {
            flight.again |= recent
                .iter()
                .filter(|(n, _)| *n > flight.since)
                .any(|(_, stored)| stored.iter().any(|c| chats.contains(c)));
            flight.chats = chats;
        }
    }

    /// The claimed batch is committed: whether to claim again at once (an event was stored
    /// behind one it held).
    pub fn finished(self) -> bool {
        self.book.book().flights.get(&self.id).is_some_and(|f| f.again)
    }
}

impl Drop for Claiming<'_> {
    fn drop(&mut self) {
        let mut b = self.book.book();
        b.flights.remove(&self.id);
        // what no claim under way started before is needed no more
        match b.flights.values().map(|f| f.since).min() {
            Some(oldest) => b.recent.retain(|(n, _)| *n > oldest),
            None => b.recent.clear(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::ClaimBook;

    #[test]
    fn a_wake_whose_events_another_claim_will_take_claims_nothing() {
        let book = ClaimBook::default();
        book.stored(["line:a"].into_iter());
        // a worker that goes on (a full batch) claims after the store: it takes the event
        let first = book.start(false).expect("claims");
        // so the worker the store woke claims nothing, but one on its poll does
        assert!(book.start(true).is_none());
        assert!(book.start(false).is_some());
        drop(first);
        book.stored(["line:b"].into_iter());
        assert!(book.start(true).is_some(), "a new store wants a claim again");
    }

    #[test]
    fn a_worker_claims_again_when_an_event_was_stored_behind_one_it_holds() {
        let book = ClaimBook::default();
        // stored after the claim started, before the worker knew which chats it holds
        let early = book.start(false).expect("claims");
        book.stored(["line:a", "line:x"].into_iter());
        early.claimed(vec!["line:a".into()]);
        assert!(early.finished());
        // stored while it held the chat
        let held = book.start(false).expect("claims");
        held.claimed(vec!["line:b".into()]);
        book.stored(["line:b"].into_iter());
        assert!(held.finished());
        // other chats, or before the claim started (the claim saw those itself): no
        book.stored(["line:c"].into_iter());
        let other = book.start(false).expect("claims");
        book.stored(["line:d"].into_iter());
        other.claimed(vec!["line:c".into()]);
        assert!(!other.finished());
    }

    #[test]
    fn the_book_forgets_what_no_claim_under_way_needs() {
        let book = ClaimBook::default();
        let a = book.start(false).expect("claims");
        for n in 0..100 {
            book.stored([format!("line:{n}").as_str()].into_iter());
        }
        assert_eq!(book.book().recent.len(), 100);
        drop(a);
        assert!(book.book().recent.is_empty());
        book.stored(["line:z"].into_iter());
        assert!(book.book().recent.is_empty(), "nothing kept with no claim under way");
    }
}

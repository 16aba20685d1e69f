"""STAGE 3d, open data: plain JSON and the Open Referral HSDS 3.0 package."""
